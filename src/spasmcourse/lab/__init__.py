"""The course in a running JupyterLab: notebooks kept clean on save."""
