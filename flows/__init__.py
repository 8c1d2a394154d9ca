"""cityclips flows: the Prefect flow, its batch tasks and the command line."""

__version__ = "0.1.0"
