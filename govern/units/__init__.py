"""Units of work: a scan split into parts that parse, adapt and judge on their own
(`plan`), read (`reading`) and judged (`work`) in any process, run here, on a local
process pool or on a Dask cluster (`execute`, `on_dask`), and merged into the one report
a single pass would give (`scanwide` keeps the rules that look across units exact)."""
