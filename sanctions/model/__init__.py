"""The model: a validated workbook read once into typed rows, and from them the FtM entities
(with proof) and the per-target view that documents print."""
