"""Runners: drive the pipeline over inputs and hand the results to the single database writer."""
