package io.github.genova.platform.device.vga;

/**
 * What the adapter shows now, for the host's window or snapshot: a text mode (cells at
 * {@code startOffset} of VRAM, two bytes each) or a packed-pixel graphics mode from the DISPI interface.
 *
 * @param text true for a text mode
 * @param width columns (text) or pixels
 * @param height rows (text) or pixels
 * @param bitsPerPixel 4, 8, 15, 16, 24 or 32 for graphics; 16 (character and attribute) for text
 * @param pitchBytes bytes from one row (of pixels or cells) to the next
 * @param startOffset VRAM offset of the first visible byte
 */
public record DisplayMode(boolean text, int width, int height, int bitsPerPixel, int pitchBytes, long startOffset) {}
