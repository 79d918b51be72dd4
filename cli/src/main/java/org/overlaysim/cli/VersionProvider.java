package org.overlaysim.cli;

import org.overlaysim.report.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code overlaysim --version}: the version Maven wrote at build time and the digest of the model's
 * code, as a run's report.json records them ({@link BuildInfo}).
 */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    BuildInfo build = BuildInfo.current();
    return new String[] {
      "overlaysim " + build.version(),
      "model " + build.model(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
    };
  }
}
