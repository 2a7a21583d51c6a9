"""The bundled demo corpus: pages written for this project, served offline."""
