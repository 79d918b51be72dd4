package org.overlaysim.gui.map;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class PaletteTest {
  @Test
  void anIdleLinkIsGreenAndAFullOneRed() {
    Color idle = Palette.utilization(0);
    Color full = Palette.utilization(1);

    assertThat(idle.getGreen()).isGreaterThan(idle.getRed());
    assertThat(full.getRed()).isGreaterThan(full.getGreen());
  }

  @Test
  void utilizationOutsideZeroToOneIsClamped() {
    assertThat(Palette.utilization(7)).isEqualTo(Palette.utilization(1));
    assertThat(Palette.utilization(-1)).isEqualTo(Palette.utilization(0));
  }

  @Test
  void fasterLinksAreDrawnWider() {
    assertThat(Palette.linkWidth(10_000_000_000L)).isGreaterThan(Palette.linkWidth(1_000_000_000L));
    assertThat(Palette.linkWidth(100_000_000_000L))
        .isGreaterThan(Palette.linkWidth(10_000_000_000L));
    assertThat(Palette.linkWidth(1)).isGreaterThanOrEqualTo(1.0);
  }

  @Test
  void neighbouringOverlaysGetDifferentColours() {
    assertThat(Palette.overlay(0)).isNotEqualTo(Palette.overlay(1));
    assertThat(Palette.overlay(1)).isNotEqualTo(Palette.overlay(2));
  }
}
