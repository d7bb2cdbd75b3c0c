"""Qt item models of the grids: lazy, paged, server-side filter and sort."""
