"""The command-line interface: `sitrep VERB ...`, one module per family of verbs."""
