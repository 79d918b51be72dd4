package org.overlaysim.emulation.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {
  private final Names names = new Names("0a1f");

  @Test
  void namespacesCarryTheRunTagAndTheirKind() {
    assertThat(names.router(0)).isEqualTo("osim-0a1f-r0");
    assertThat(names.host(12)).isEqualTo("osim-0a1f-h12");
    assertThat(names.container(999)).isEqualTo("osim-0a1f-c999");
  }

  @Test
  void longestDeviceNameFitsLinuxsFifteenCharacters() {
    assertThat(names.geneve(999, 999)).hasSizeLessThanOrEqualTo(15);
    assertThat(names.containerPort(999)).hasSizeLessThanOrEqualTo(15);
  }

  @Test
  void indexBeyondThreeDigitsIsRefused() {
    assertThatThrownBy(() -> names.container(1000)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tagThatIsNotFourHexDigitsIsRefused() {
    assertThatThrownBy(() -> new Names("zz;rm")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void checkedRefusesAnythingOutsideThePattern() {
    assertThatThrownBy(() -> Names.checked("default", Names.NAMESPACE))
        .hasMessageContaining("refusing");
    assertThatThrownBy(() -> Names.checked("osim-0a1f-r0; ip", Names.NAMESPACE))
        .hasMessageContaining("refusing");
  }

  @Test
  void unusedTagSkipsTagsOfExistingNamespaces() {
    Names chosen = Names.unused(0x0a1f, List.of("osim-0a1f-r0", "osim-0a20-h1", "other"));
    assertThat(chosen.tag()).isEqualTo("0a21");
  }

  @Test
  void runOwnsOnlyItsOwnNamespaces() {
    assertThat(names.owns("osim-0a1f-c3")).isTrue();
    assertThat(names.owns("osim-0a20-c3")).isFalse();
    assertThat(names.owns("osim-0a1f-x3")).isFalse();
  }
}
