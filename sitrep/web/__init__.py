"""`sitrep serve`: the HTTP API and the web page (map, timeline, table, evidence) over a store.

``app.py`` builds the FastAPI application, ``catalog.py`` answers event queries from the store,
``evidence.py`` shapes one event for the panel, ``guard.py`` holds the limits and headers,
``basemap.py`` builds the offline world map at set-up; ``static/`` is the page and its vendored
libraries (Leaflet, Leaflet.markercluster, topojson-client, each with its licence).
"""

from .app import create_app

__all__ = ["create_app"]
