"""Read side: paged, server-filtered queries returning frozen rows for the grids."""
