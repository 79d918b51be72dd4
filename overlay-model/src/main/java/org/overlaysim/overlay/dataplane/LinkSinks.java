package org.overlaysim.overlay.dataplane;

import java.lang.reflect.Field;
import org.overlaysim.topology.LinkSink;
import org.overlaysim.topology.LinkTransmitter;

/**
 * Reads the sink a {@link LinkTransmitter} delivers to, so a capture can sit in front of it.
 * Topology offers {@code connect} but no getter yet; until it does, the field is read reflectively
 * here, in this one place (see the overlay-model report).
 */
final class LinkSinks {
  private LinkSinks() {}

  static LinkSink current(LinkTransmitter transmitter) {
    try {
      Field field = LinkTransmitter.class.getDeclaredField("sink");
      field.setAccessible(true);
      return (LinkSink) field.get(transmitter);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot tap link " + transmitter, e);
    }
  }
}
