package org.overlaysim.gui.window;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.overlaysim.gui.map.MapView;
import org.overlaysim.gui.run.RunAction;
import org.overlaysim.gui.run.RunResults;
import org.overlaysim.gui.run.ScenarioReader;
import org.overlaysim.scenario.Problem;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.ScenarioException;
import org.overlaysim.scenario.ScenarioSet;

/**
 * The visualizer's window content: tool bar (open, fit, layers, run), the map with its time slider,
 * charts, the details of the selected container and the problems of an invalid file. Loading and
 * running happen in background {@link Task}s; the JavaFX thread only builds nodes.
 */
public final class MainWindow {
  /** Quiet time after the last file event before reloading (editors save in bursts). */
  private static final long RELOAD_QUIET_MS = 300;

  private final Optional<RunAction> runner;
  private final ScenarioReader reader;
  private final ExecutorService workers =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "overlaysim-gui-worker");
            t.setDaemon(true);
            return t;
          });
  private final BorderPane root = new BorderPane();
  private final MapView map = new MapView();
  private final DetailsPane details = new DetailsPane();
  private final ChartsPane charts = new ChartsPane();
  private final Label status = new Label("Open a scenario file.");
  private final ListView<String> errorList = new ListView<>();
  private final Label errorHeader = new Label();
  private final VBox errors = new VBox(4, errorHeader, errorList);
  private final Button runButton = new Button("Run");
  private final Button cancelButton = new Button("Cancel");
  private final ProgressBar progress = new ProgressBar(0);
  private final Slider timeSlider = new Slider(0, 1, 0);
  private final Label timeLabel = new Label();
  private final ToggleButton play = new ToggleButton("▶ Replay");
  private final HBox timeBox;
  private final Timeline replay;

  private Path file;
  private ScenarioSet loaded;
  private RunResults results;
  private FileWatcher watcher;
  private Task<?> running;
  private long generation;

  public MainWindow(ScenarioReader reader, Optional<RunAction> runner) {
    this.reader = reader;
    this.runner = runner;
    root.setId("main");
    root.setTop(toolBar());

    timeSlider.setId("time-slider");
    timeSlider.setMajorTickUnit(1);
    timeSlider.setSnapToTicks(true);
    timeSlider.setBlockIncrement(1);
    HBox.setHgrow(timeSlider, Priority.ALWAYS);
    timeSlider.valueProperty().addListener((o, a, b) -> showBin((int) Math.round(b.doubleValue())));
    Button peak = new Button("Peak");
    peak.setId("time-peak");
    peak.setOnAction(e -> showBin(-1));
    play.setId("time-play");
    replay =
        new Timeline(
            new KeyFrame(
                Duration.millis(250),
                e -> {
                  double next = timeSlider.getValue() + 1;
                  timeSlider.setValue(next > timeSlider.getMax() ? 0 : next);
                }));
    replay.setCycleCount(Timeline.INDEFINITE);
    play.selectedProperty()
        .addListener(
            (o, a, b) -> {
              if (b) {
                replay.play();
              } else {
                replay.stop();
              }
            });
    timeBox = new HBox(8, new Label("Links over time"), timeSlider, timeLabel, peak, play);
    timeBox.setId("time-box");
    timeBox.setAlignment(Pos.CENTER_LEFT);
    timeBox.setPadding(new Insets(4, 8, 4, 8));
    setShown(timeBox, false);

    BorderPane mapPane = new BorderPane(map);
    mapPane.setBottom(timeBox);
    Tab mapTab = new Tab("Map", mapPane);
    mapTab.setClosable(false);
    ScrollPane chartScroll = new ScrollPane(charts);
    chartScroll.setFitToWidth(true);
    Tab chartTab = new Tab("Charts", chartScroll);
    chartTab.setId("tab-charts");
    chartTab.setClosable(false);
    TabPane tabs = new TabPane(mapTab, chartTab);
    root.setCenter(tabs);

    ScrollPane detailScroll = new ScrollPane(details);
    detailScroll.setFitToWidth(true);
    detailScroll.setPrefWidth(340);
    root.setRight(detailScroll);

    errors.setId("errors");
    errors.setPadding(new Insets(6));
    errors.setStyle("-fx-background-color: #fde8e8;");
    errorHeader.setId("error-header");
    errorHeader.setFont(Font.font("System", FontWeight.BOLD, 12));
    errorHeader.setTextFill(Color.web("#8b0000"));
    errorList.setId("error-list");
    errorList.setPrefHeight(130);
    errorList.setStyle("-fx-font-family: monospace;");
    setShown(errors, false);
    status.setId("status");
    status.setPadding(new Insets(2, 8, 2, 8));
    root.setBottom(new VBox(errors, status));

    details.onPath(map.pathLinksProperty()::set);
    map.selectedContainerProperty()
        .addListener((o, a, b) -> details.show(scenarioOrNull(), b, results));
  }

  public BorderPane root() {
    return root;
  }

  public MapView map() {
    return map;
  }

  /** The file shown, if any. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** The scenario last loaded without problems. */
  public Optional<ScenarioSet> loaded() {
    return Optional.ofNullable(loaded);
  }

  /** Problems shown for the file, one {@code FILE:LINE:COLUMN: PATH: message} line each. */
  public List<String> problems() {
    return List.copyOf(errorList.getItems());
  }

  private ToolBar toolBar() {
    Button open = new Button("Open…");
    open.setId("open");
    open.setOnAction(e -> chooseFile(root.getScene() == null ? null : root.getScene().getWindow()));
    Button fit = new Button("Fit");
    fit.setId("fit");
    fit.setOnAction(e -> map.fitToSites());
    Button expand = new Button("Open all sites");
    expand.setId("expand-all");
    expand.setOnAction(e -> map.expandAll());
    CheckBox underlay = layerToggle("underlay", "Underlay");
    underlay.selectedProperty().bindBidirectional(map.underlayVisibleProperty());
    CheckBox overlays = layerToggle("overlays", "Overlays");
    overlays.selectedProperty().bindBidirectional(map.overlaysVisibleProperty());
    CheckBox policies = layerToggle("policies", "Policies");
    policies.selectedProperty().bindBidirectional(map.policiesVisibleProperty());
    ToolBar bar = new ToolBar(open, fit, expand, new Separator(), underlay, overlays, policies);
    if (runner.isPresent()) {
      runButton.setId("run");
      runButton.setDisable(true);
      runButton.setOnAction(e -> run());
      cancelButton.setId("cancel");
      cancelButton.setDisable(true);
      progress.setId("progress");
      progress.setPrefWidth(140);
      bar.getItems().addAll(new Separator(), runButton, cancelButton, progress);
    }
    return bar;
  }

  private static CheckBox layerToggle(String id, String text) {
    CheckBox box = new CheckBox(text);
    box.setId("toggle-" + id);
    box.setSelected(true);
    return box;
  }

  private void chooseFile(Window owner) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Open scenario");
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter("Scenario (*.yaml, *.yml)", "*.yaml", "*.yml"),
            new FileChooser.ExtensionFilter("All files", "*"));
    if (file != null && file.toAbsolutePath().getParent() != null) {
      chooser.setInitialDirectory(file.toAbsolutePath().getParent().toFile());
    }
    java.io.File chosen = chooser.showOpenDialog(owner);
    if (chosen != null) {
      open(chosen.toPath());
    }
  }

  /** Shows a file and reloads it whenever it changes on disk. */
  public void open(Path path) {
    file = path;
    if (watcher != null) {
      watcher.close();
      watcher = null;
    }
    try {
      watcher = new FileWatcher(path, RELOAD_QUIET_MS, () -> Platform.runLater(this::reload));
    } catch (IOException e) {
      status.setText("Not watching " + path + " for changes: " + e.getMessage());
    }
    reload();
  }

  /** Loads the current file again, in the background. */
  public void reload() {
    if (file == null) {
      return;
    }
    Path path = file;
    long mine = ++generation;
    status.setText("Loading " + path + " …");
    Task<ScenarioSet> task =
        new Task<>() {
          @Override
          protected ScenarioSet call() throws ScenarioException {
            return reader.read(path);
          }
        };
    task.setOnSucceeded(
        e -> {
          if (mine == generation) {
            showScenario(task.getValue());
          }
        });
    task.setOnFailed(
        e -> {
          if (mine == generation) {
            showProblems(path, task.getException());
          }
        });
    workers.execute(task);
  }

  private void showScenario(ScenarioSet set) {
    loaded = set;
    setShown(errors, false);
    errorList.getItems().clear();
    showResults(null);
    map.setScenario(set.base());
    Scenario s = set.base();
    status.setText(
        String.format(
            Locale.ROOT,
            "%s: %d sites, %d links, %d hosts, %d overlays, %d containers, %d policies%s",
            s.name(),
            s.sites().size(),
            s.underlay().links().size(),
            s.hosts().size(),
            s.overlays().size(),
            s.containers().size(),
            s.policies().size(),
            set.runs().size() > 1 ? ", " + set.runs().size() + " runs" : ""));
    runButton.setDisable(running != null);
  }

  private void showProblems(Path path, Throwable error) {
    List<String> lines = new ArrayList<>();
    if (error instanceof ScenarioException se) {
      for (Problem p : se.problems()) {
        lines.add(p.toString());
      }
    } else {
      lines.add(path + ": " + error.getMessage());
    }
    errorList.getItems().setAll(lines);
    errorHeader.setText(
        path.getFileName()
            + (lines.size() == 1 ? " has 1 problem" : " has " + lines.size() + " problems")
            + (loaded == null ? "" : " (the map shows the last valid version)"));
    setShown(errors, true);
    status.setText("Invalid scenario: " + path);
    runButton.setDisable(true);
  }

  private void run() {
    RunAction r = runner.orElseThrow();
    ScenarioSet set = loaded;
    if (set == null || running != null) {
      return;
    }
    Task<RunResults> task =
        new Task<>() {
          @Override
          protected RunResults call() throws InterruptedException {
            return r.run(set, fraction -> updateProgress(fraction, 1.0));
          }
        };
    running = task;
    progress.progressProperty().bind(task.progressProperty());
    runButton.setDisable(true);
    cancelButton.setDisable(false);
    cancelButton.setOnAction(e -> task.cancel(true));
    status.setText("Running " + set.base().name() + " …");
    task.setOnSucceeded(
        e -> {
          finishRun();
          showResults(task.getValue());
          status.setText("Run finished: " + set.base().name());
        });
    task.setOnCancelled(
        e -> {
          finishRun();
          status.setText("Run cancelled");
        });
    task.setOnFailed(
        e -> {
          finishRun();
          Throwable t = task.getException();
          status.setText("Run failed: " + (t == null ? "unknown error" : t.getMessage()));
        });
    workers.execute(task);
  }

  private void finishRun() {
    running = null;
    progress.progressProperty().unbind();
    cancelButton.setDisable(true);
    runButton.setDisable(loaded == null);
  }

  /** Shows a run's results (or none): link colours, slider, charts, details. */
  public void showResults(RunResults r) {
    results = r;
    play.setSelected(false);
    map.resultsProperty().set(r);
    charts.show(r);
    boolean bins = r != null && r.binCount() > 0;
    setShown(timeBox, bins);
    if (bins) {
      timeSlider.setMax(Math.max(r.binCount() - 1, 0));
      timeSlider.setValue(0);
    }
    // A replay starts at the first bin; "Peak" shows each link's busiest bin.
    showBin(bins ? 0 : -1);
    details.show(scenarioOrNull(), map.selectedContainerProperty().get(), r);
  }

  private void showBin(int bin) {
    map.timeBinProperty().set(bin);
    if (results == null) {
      timeLabel.setText("");
    } else if (bin < 0) {
      timeLabel.setText("peak over the run");
    } else {
      long from = bin * results.binNs();
      long to = (bin + 1) * results.binNs();
      String slice = String.format(Locale.ROOT, "%.3f s – %.3f s", from / 1e9, to / 1e9);
      Scenario scenario = scenarioOrNull();
      String events = scenario == null ? "" : EventsInTime.describe(scenario, from, to);
      timeLabel.setText(events.isEmpty() ? slice : slice + " · " + events);
    }
  }

  private Scenario scenarioOrNull() {
    return map.scenario().orElse(null);
  }

  private static void setShown(javafx.scene.Node node, boolean shown) {
    node.setVisible(shown);
    node.setManaged(shown);
  }

  /** Stops watching and cancels background work; call when the window closes. */
  public void close() {
    if (watcher != null) {
      watcher.close();
    }
    replay.stop();
    if (running != null) {
      running.cancel(true);
    }
    workers.shutdownNow();
  }
}
