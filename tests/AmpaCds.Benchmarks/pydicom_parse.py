#!/usr/bin/python3
"""Parse throughput of a DICOM series with pydicom, measured like the .NET benchmark's OpenFromDisk case:
every file read and fully parsed (pixel data bytes loaded, not decoded to numpy). Best of N rounds after a warm-up."""
import glob
import os
import sys
import time

import pydicom


def main() -> int:
    if len(sys.argv) < 2:
        print("usage: pydicom_parse.py DIR [ROUNDS]", file=sys.stderr)
        return 2
    paths = sorted(glob.glob(os.path.join(sys.argv[1], "*.dcm")))
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    total = sum(os.path.getsize(p) for p in paths)
    rows = 0

    def one_round() -> float:
        nonlocal rows
        start = time.perf_counter()
        for path in paths:
            ds = pydicom.dcmread(path)
            rows += ds.Rows  # touches the parsed header; PixelData is read as raw bytes by dcmread
            _ = ds.PixelData
        return time.perf_counter() - start

    one_round()  # warm-up (page cache, imports)
    times = [one_round() for _ in range(rounds)]
    best, mean = min(times), sum(times) / len(times)
    print(f"pydicom {pydicom.__version__}: {len(paths)} files, {total / 1e6:.1f} MB; "
          f"best {best * 1000:.1f} ms ({total / best / 1e6:.0f} MB/s), mean {mean * 1000:.1f} ms ({total / mean / 1e6:.0f} MB/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
