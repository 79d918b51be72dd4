package org.overlaysim.scenario.internal;

import java.util.ArrayList;
import java.util.List;
import org.overlaysim.scenario.Problem;

/** Collects the problems of one binding pass, each located through {@link Marks}. */
public final class Ctx {
  private final Marks marks;
  private final List<Problem> problems = new ArrayList<>();

  public Ctx(Marks marks) {
    this.marks = marks;
  }

  public Marks marks() {
    return marks;
  }

  /** A problem with a value (or a missing member, located at its parent). */
  public void at(String path, String message) {
    add(marks.valueAt(path), path, message);
  }

  /** A problem with a key itself, e.g. an unknown key. */
  public void atKey(String path, String message) {
    add(marks.keyAt(path), path, message);
  }

  private void add(Mark mark, String path, String message) {
    problems.add(new Problem(mark.file(), mark.line(), mark.column(), path, message));
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  public int size() {
    return problems.size();
  }

  public List<Problem> problems() {
    return problems;
  }
}
