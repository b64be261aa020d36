#!/usr/bin/env python3
"""Measure or trim the empty bottom of a PNG screenshot, or cut it into tiles.

Headless Chromium screenshots a fixed window, so a page shorter than the
window leaves a band of background at the bottom (rows equal to the last
row). `height` prints the height of the content plus a small margin, the
window height that fits the page; `trim` writes the image without the band;
`tiles` cuts an image into pieces for viewing. Standard library only (zlib);
8-bit RGB and RGBA PNGs, as Chromium writes them.

    python3 tools/png_trim.py height IN.png [--margin 24]
    python3 tools/png_trim.py trim IN.png OUT.png [--margin 24]
    python3 tools/png_trim.py tiles IN.png PREFIX --height 1400
"""
import argparse
import struct
import sys
import zlib


def read_png(path):
    with open(path, "rb") as handle:
        data = handle.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG file")
    position = 8
    idat = []
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or color not in (2, 6) or interlace:
                sys.exit(f"{path}: expected an 8-bit RGB or RGBA PNG without interlacing")
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    channels = 3 if color == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows = []
    previous = bytearray(stride)
    offset = 0
    for _ in range(height):
        kind = raw[offset]
        line = bytearray(raw[offset + 1:offset + 1 + stride])
        offset += 1 + stride
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous))
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                predictor = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + predictor) & 0xFF
        rows.append(line)
        previous = line
    return width, channels, rows


def write_png(path, width, channels, rows):
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    color = 2 if channels == 3 else 6
    header = struct.pack(">IIBBBBB", width, len(rows), 8, color, 0, 0, 0)
    raw = b"".join(b"\x00" + bytes(row) for row in rows)
    with open(path, "wb") as handle:
        handle.write(b"\x89PNG\r\n\x1a\n")
        handle.write(chunk(b"IHDR", header))
        handle.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        handle.write(chunk(b"IEND", b""))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["height", "trim", "tiles"])
    parser.add_argument("input")
    parser.add_argument("output", nargs="?")
    parser.add_argument("--margin", type=int, default=24)
    parser.add_argument("--height", type=int, default=1400)
    arguments = parser.parse_args()
    width, channels, rows = read_png(arguments.input)
    if arguments.command in ("height", "trim"):
        background = rows[-1]
        last = len(rows) - 1
        while last > 0 and rows[last] == background:
            last -= 1
        if last == len(rows) - 1:
            sys.exit(f"{arguments.input}: the page fills the window; make the window taller")
        height = min(len(rows), last + 1 + arguments.margin)
        if arguments.command == "height":
            print(height)
        else:
            write_png(arguments.output, width, channels, rows[:height])
    else:
        for index, start in enumerate(range(0, len(rows), arguments.height)):
            write_png(f"{arguments.output}-{index + 1}.png", width, channels, rows[start:start + arguments.height])


if __name__ == "__main__":
    main()
