package org.overlaysim.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The one-way flow of docs/DESIGN.md as rules over the main code: modules depend only on those
 * below them in the picture, no two packages depend on each other (directly or round a cycle), the
 * model keeps off files and the console, and the visualizer never reaches into the data plane.
 */
class LayerRulesTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.overlaysim");

  @Test
  void modulesDependOnlyOnModulesBelowThem() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("engine")
        .definedBy("org.overlaysim.engine..")
        .layer("scenarios")
        .definedBy("org.overlaysim.scenario..")
        .layer("topology")
        .definedBy("org.overlaysim.topology..")
        .layer("overlay-model")
        .definedBy("org.overlaysim.overlay..")
        .layer("reports")
        .definedBy("org.overlaysim.report..")
        .layer("gui")
        .definedBy("org.overlaysim.gui..")
        .layer("emulation")
        .definedBy("org.overlaysim.emulation..")
        .layer("cli")
        .definedBy("org.overlaysim.cli..")
        .layer("benchmarks")
        .definedBy("org.overlaysim.benchmarks..")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("benchmarks")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("emulation")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("gui")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("reports")
        .mayOnlyBeAccessedByLayers("emulation", "cli", "benchmarks")
        .whereLayer("overlay-model")
        .mayOnlyBeAccessedByLayers("reports", "emulation", "cli", "benchmarks")
        .whereLayer("topology")
        .mayOnlyBeAccessedByLayers(
            "overlay-model", "reports", "gui", "emulation", "cli", "benchmarks")
        .whereLayer("scenarios")
        .mayOnlyBeAccessedByLayers(
            "topology", "overlay-model", "reports", "gui", "emulation", "cli", "benchmarks")
        .check(MAIN);
  }

  /**
   * Two sub-packages are a module's own parts and are allowed back: the engine's {@code queue}
   * implements the engine's {@code EventQueue} and the {@code Simulator} picks its default one; the
   * scenario loader's {@code internal} binders build the public records the loader returns.
   *
   * <p>Left for now: the emulator's {@code traffic} runners and {@code report} writer use the
   * result records of the top package ({@code PingResult}, {@code TcpResult}, {@code
   * EmulationSettings}, ...), which its {@code Emulator} fills by calling them. Moving those
   * records to a package of their own waits for the branch that is adding runners there.
   */
  @Test
  void noPackagesDependOnEachOtherRoundACycle() {
    slices()
        .matching("org.overlaysim.(**)")
        .should()
        .beFreeOfCycles()
        .ignoreDependency(
            resideInAPackage("org.overlaysim.engine"),
            resideInAPackage("org.overlaysim.engine.queue"))
        .ignoreDependency(
            resideInAPackage("org.overlaysim.scenario"),
            resideInAPackage("org.overlaysim.scenario.internal"))
        .ignoreDependency(
            resideInAnyPackage(
                "org.overlaysim.emulation.traffic", "org.overlaysim.emulation.report"),
            resideInAPackage("org.overlaysim.emulation"))
        .check(MAIN);
  }

  /**
   * The model (engine, topology, overlay-model) is handed what it needs and hands back results: it
   * neither reads nor writes files nor prints. (The scenario loader reads its file, reports write
   * theirs, the CLI prints: those are the edges the design puts I/O at.)
   */
  @Test
  void theModelKeepsOffFilesAndTheConsole() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.overlaysim.engine..", "org.overlaysim.topology..", "org.overlaysim.overlay..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.File")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.nio.file.Files")
        .orShould()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .check(MAIN);
  }

  /**
   * Jackson and SnakeYAML stay in the loader (scenarios, reports' JSON and CSV, the commands):
   * scenario-model, topology, overlay-model and the GUI compile without them (their POMs do not
   * bring them; this keeps their code from needing them).
   */
  @Test
  void theScenarioModelTheModelAndTheVisualizerUseNoJsonOrYamlLibrary() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.overlaysim.engine..",
            "org.overlaysim.scenario",
            "org.overlaysim.topology..",
            "org.overlaysim.overlay..",
            "org.overlaysim.gui..")
        .and()
        .doNotHaveSimpleName("ScenarioLoader")
        .and()
        .doNotHaveSimpleName("ScenarioSchema")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.fasterxml.jackson..", "org.yaml..")
        .check(MAIN);
  }

  @Test
  void theVisualizerNeverReachesIntoTheDataPlane() {
    noClasses()
        .that()
        .resideInAPackage("org.overlaysim.gui..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.overlaysim.overlay.dataplane..")
        .check(MAIN);
  }
}
