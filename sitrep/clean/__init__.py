"""Text hygiene: clean text with a character-exact map back to the raw text, and language.

    clean_text(raw) -> Cleaned          pure function: furniture, dateline, repeats out
    Clean                               the ``clean`` stage (installs it on a Report)
    DetectLanguage                      the ``detect_language`` stage
"""

from .text import Cleaned, Removal, clean_text

__all__ = ["Cleaned", "Removal", "clean_text"]
