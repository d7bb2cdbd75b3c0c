"""Read models of the window's grids, panels, lookups and exports."""
