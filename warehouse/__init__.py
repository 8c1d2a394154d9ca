"""Table schemas, Parquet publishing and the DuckDB model runner: the only code that writes."""
