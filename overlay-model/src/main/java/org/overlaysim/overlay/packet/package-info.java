/**
 * Frames on the wire: byte-exact codecs and the {@link org.overlaysim.overlay.packet.Packet} that
 * carries them.
 *
 * <p>Conventions (DESIGN.md 7 and 8): every codec is a record implementing {@link
 * org.overlaysim.overlay.packet.Header} with named field offsets, {@code write(ByteBuffer)} at the
 * buffer's position and a static {@code read(ByteBuffer)}; network byte order regardless of the
 * buffer's order; encode → decode → encode is the identity on bytes; bad bytes are a {@link
 * org.overlaysim.overlay.packet.MalformedPacketException} with a hex dump. Checksums are ordinary
 * fields, filled by {@code withComputedChecksum()} or in place by {@link
 * org.overlaysim.overlay.packet.TransportChecksums}. The per-packet path allocates only the header
 * records it builds: no streams, lambdas or boxing.
 */
package org.overlaysim.overlay.packet;
