/**
 * Frames on the wire: byte-exact codecs, the vocabulary in which {@code dataplane.FrameRenderer}
 * turns the data plane's frames into capture bytes and the tests read them back.
 *
 * <p>Conventions (DESIGN.md 7 and 8): every codec is a record implementing {@link
 * org.overlaysim.overlay.packet.Header} with named field offsets, {@code write(ByteBuffer)} at the
 * buffer's position and a static {@code read(ByteBuffer)}; network byte order regardless of the
 * buffer's order; encode → decode → encode is the identity on bytes; bad bytes are a {@link
 * org.overlaysim.overlay.packet.MalformedPacketException} with a hex dump. Checksums are ordinary
 * fields, filled by {@code withComputedChecksum()}. Only captures pay for encoding: the data plane
 * carries header fields as ints and never encodes.
 */
package org.overlaysim.overlay.packet;
