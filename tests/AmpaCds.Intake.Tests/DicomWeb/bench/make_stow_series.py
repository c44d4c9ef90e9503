# 500 PET slices, 128x128 16-bit, one series, written by pydicom; then one multipart/related body.
import sys, os
import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian
out = sys.argv[1]; n = int(sys.argv[2]) if len(sys.argv) > 2 else 500
os.makedirs(out + "/files", exist_ok=True)
study, series = "2.25.1000001", "2.25.1000001.1"
boundary = b"ampacds-bench-boundary"
with open(out + "/body.bin", "wb") as body:
    for i in range(n):
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.128"
        meta.MediaStorageSOPInstanceUID = f"{series}.{i+1}"
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds = Dataset(); ds.file_meta = meta
        ds.SOPClassUID = meta.MediaStorageSOPClassUID; ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
        ds.StudyInstanceUID = study; ds.SeriesInstanceUID = series; ds.Modality = "PT"
        ds.PatientID = "BENCH"; ds.PatientName = "Bench^Patient"; ds.StudyDate = "20260101"
        ds.ImagePositionPatient = [0, 0, 2.0 * i]; ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
        ds.PixelSpacing = [2, 2]; ds.NumberOfSlices = n; ds.Rows = 128; ds.Columns = 128
        ds.SamplesPerPixel = 1; ds.PhotometricInterpretation = "MONOCHROME2"
        ds.BitsAllocated = 16; ds.BitsStored = 16; ds.HighBit = 15; ds.PixelRepresentation = 0
        ds.PixelData = (np.arange(128 * 128, dtype=np.uint16) + i).tobytes()
        ds.is_little_endian = True; ds.is_implicit_VR = False
        path = f"{out}/files/{i:04d}.dcm"
        ds.save_as(path, write_like_original=False)
        body.write(b"--" + boundary + b"\r\nContent-Type: application/dicom\r\n\r\n")
        body.write(open(path, "rb").read()); body.write(b"\r\n")
    body.write(b"--" + boundary + b"--\r\n")
