"""cityclips flows: the Prefect flow, its batch tasks and the command line."""
