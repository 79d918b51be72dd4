package org.overlaysim.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * No main code that only tests reach: every class of the code base is reachable, through the
 * classes it uses, from a program's {@code main} (the command, the processes the emulator starts)
 * or a JMH benchmark. A class nothing runs is either dead or a second implementation of something
 * that runs.
 */
class ReachabilityTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.overlaysim");

  private static boolean isRoot(JavaClass c) {
    boolean hasMain =
        c.getMethods().stream()
            .anyMatch(
                m ->
                    m.getName().equals("main")
                        && m.getModifiers().contains(JavaModifier.STATIC)
                        && m.getRawParameterTypes().size() == 1
                        && m.getRawParameterTypes().get(0).getName().equals("[Ljava.lang.String;"));
    boolean benchmark =
        c.getMethods().stream()
            .anyMatch(m -> m.isAnnotatedWith("org.openjdk.jmh.annotations.Benchmark"));
    // JMH's generated harness classes are loaded by its runner, by name.
    boolean harness = c.getPackageName().endsWith(".jmh_generated");
    return hasMain || benchmark || harness;
  }

  private static Set<String> reachable() {
    Set<String> seen = new TreeSet<>();
    Deque<JavaClass> todo = new ArrayDeque<>();
    for (JavaClass c : MAIN) {
      if (isRoot(c) && seen.add(c.getName())) {
        todo.add(c);
      }
    }
    while (!todo.isEmpty()) {
      JavaClass c = todo.poll();
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        JavaClass target = d.getTargetClass().getBaseComponentType();
        if (MAIN.contain(target.getName()) && seen.add(target.getName())) {
          todo.add(MAIN.get(target.getName()));
        }
      }
      // A nested class is part of its enclosing one, and the compiler's anonymous classes (enum
      // switch maps) of a class run with it.
      c.getEnclosingClass()
          .filter(e -> MAIN.contain(e.getName()) && seen.add(e.getName()))
          .ifPresent(todo::add);
      for (JavaClass nested : MAIN) {
        if (nested.isAnonymousClass()
            && nested.getEnclosingClass().map(e -> e.equals(c)).orElse(false)
            && seen.add(nested.getName())) {
          todo.add(nested);
        }
      }
    }
    return seen;
  }

  /**
   * A holder of compile-time constants (EtherType values, protocol numbers) leaves no trace in the
   * bytecode of its users, since javac copies the values; it has no behaviour to be dead.
   */
  private static boolean isConstantsOnly(JavaClass c) {
    return c.getMethods().isEmpty()
        && !c.getFields().isEmpty()
        && c.getFields().stream()
            .allMatch(
                f ->
                    f.getModifiers().containsAll(Set.of(JavaModifier.STATIC, JavaModifier.FINAL))
                        && (f.getRawType().isPrimitive()
                            || f.getRawType().getName().equals("java.lang.String")));
  }

  @Test
  void everyMainClassIsReachableFromACommandOrABenchmark() {
    Set<String> reachable = reachable();
    Set<String> unreachable = new TreeSet<>();
    for (JavaClass c : MAIN) {
      if (!reachable.contains(c.getName())
          && !c.getSimpleName().equals("package-info")
          && !isConstantsOnly(c)) {
        unreachable.add(c.getName());
      }
    }
    assertThat(reachable).as("entry points found").contains("org.overlaysim.cli.Main");
    assertThat(unreachable).as("main classes nothing runs").isEmpty();
  }
}
