"""Inline SVG icons: one per channel, lane, stage icon, empathy quadrant and research source.

Every icon is a tuple of SVG path ``d`` strings on a 24x24 grid, drawn with a stroke (no fill),
so a template writes them as ``<path d="...">`` elements: no icon font, no external file, no
markup passed around as a string. The shapes are from Lucide (https://lucide.dev), ISC licence,
Copyright (c) Lucide Contributors 2022, with parts from Feather (MIT, Copyright (c) 2013-2022
Cole Bemis); circles, lines and rectangles were converted to paths.

docs/icons.md lists the stage icons; a test checks that it names every one.
"""

from __future__ import annotations

from dataclasses import dataclass

from cjmap.model import Channel, SourceKind, StageIcon, Status

_LUCIDE: dict[str, tuple[str, ...]] = {
    "globe": (
        "M2 12a10 10 0 1 0 20 0a10 10 0 1 0 -20 0",
        "M12 2a14.5 14.5 0 0 0 0 20 14.5 14.5 0 0 0 0-20",
        "M2 12h20",
    ),
    "smartphone": (
        "M7 2h10a2 2 0 0 1 2 2v16a2 2 0 0 1 -2 2h-10a2 2 0 0 1 -2 -2v-16a2 2 0 0 1 2 -2z",
        "M12 18h.01",
    ),
    "mail": (
        "m22 7-8.991 5.727a2 2 0 0 1-2.009 0L2 7",
        "M4 4h16a2 2 0 0 1 2 2v12a2 2 0 0 1 -2 2h-16a2 2 0 0 1 -2 -2v-12a2 2 0 0 1 2 -2z",
    ),
    "thumbs-up": (
        "M15 5.88 14 10h5.83a2 2 0 0 1 1.92 2.56l-2.33 8A2 2 0 0 1 17.5 22H4a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2h2.76a2 2 0 0 0 1.79-1.11L12 2a3.13 3.13 0 0 1 3 3.88Z",
        "M7 10v12",
    ),
    "search": (
        "m21 21-4.34-4.34",
        "M3 11a8 8 0 1 0 16 0a8 8 0 1 0 -16 0",
    ),
    "megaphone": (
        "M11 6a13 13 0 0 0 8.4-2.8A1 1 0 0 1 21 4v12a1 1 0 0 1-1.6.8A13 13 0 0 0 11 14H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2z",
        "M6 14a12 12 0 0 0 2.4 7.2 2 2 0 0 0 3.2-2.4A8 8 0 0 1 10 14",
        "M8 6v8",
    ),
    "store": (
        "M15 21v-5a1 1 0 0 0-1-1h-4a1 1 0 0 0-1 1v5",
        "M17.774 10.31a1.12 1.12 0 0 0-1.549 0 2.5 2.5 0 0 1-3.451 0 1.12 1.12 0 0 0-1.548 0 2.5 2.5 0 0 1-3.452 0 1.12 1.12 0 0 0-1.549 0 2.5 2.5 0 0 1-3.77-3.248l2.889-4.184A2 2 0 0 1 7 2h10a2 2 0 0 1 1.653.873l2.895 4.192a2.5 2.5 0 0 1-3.774 3.244",
        "M4 10.95V19a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8.05",
    ),
    "phone": (
        "M13.832 16.568a1 1 0 0 0 1.213-.303l.355-.465A2 2 0 0 1 17 15h3a2 2 0 0 1 2 2v3a2 2 0 0 1-2 2A18 18 0 0 1 2 4a2 2 0 0 1 2-2h3a2 2 0 0 1 2 2v3a2 2 0 0 1-.8 1.6l-.468.351a1 1 0 0 0-.292 1.233 14 14 0 0 0 6.392 6.384",
    ),
    "message-circle": (
        "M2.992 16.342a2 2 0 0 1 .094 1.167l-1.065 3.29a1 1 0 0 0 1.236 1.168l3.413-.998a2 2 0 0 1 1.099.092 10 10 0 1 0-4.777-4.719",
    ),
    "star": (
        "M11.525 2.295a.53.53 0 0 1 .95 0l2.31 4.679a2.123 2.123 0 0 0 1.595 1.16l5.166.756a.53.53 0 0 1 .294.904l-3.736 3.638a2.123 2.123 0 0 0-.611 1.878l.882 5.14a.53.53 0 0 1-.771.56l-4.618-2.428a2.122 2.122 0 0 0-1.973 0L6.396 21.01a.53.53 0 0 1-.77-.56l.881-5.139a2.122 2.122 0 0 0-.611-1.879L2.16 9.795a.53.53 0 0 1 .294-.906l5.165-.755a2.122 2.122 0 0 0 1.597-1.16z",
    ),
    "newspaper": (
        "M15 18h-5",
        "M18 14h-8",
        "M4 22h16a2 2 0 0 0 2-2V4a2 2 0 0 0-2-2H8a2 2 0 0 0-2 2v16a2 2 0 0 1-4 0v-9a2 2 0 0 1 2-2h2",
        "M11 6h6a1 1 0 0 1 1 1v2a1 1 0 0 1 -1 1h-6a1 1 0 0 1 -1 -1v-2a1 1 0 0 1 1 -1z",
    ),
    "calendar-days": (
        "M8 2v4",
        "M16 2v4",
        "M5 4h14a2 2 0 0 1 2 2v14a2 2 0 0 1 -2 2h-14a2 2 0 0 1 -2 -2v-14a2 2 0 0 1 2 -2z",
        "M3 10h18",
        "M8 14h.01",
        "M12 14h.01",
        "M16 14h.01",
        "M8 18h.01",
        "M12 18h.01",
        "M16 18h.01",
    ),
    "users": (
        "M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2",
        "M16 3.128a4 4 0 0 1 0 7.744",
        "M22 21v-2a4 4 0 0 0-3-3.87",
        "M5 7a4 4 0 1 0 8 0a4 4 0 1 0 -8 0",
    ),
    "ellipsis": (
        "M11 12a1 1 0 1 0 2 0a1 1 0 1 0 -2 0",
        "M18 12a1 1 0 1 0 2 0a1 1 0 1 0 -2 0",
        "M4 12a1 1 0 1 0 2 0a1 1 0 1 0 -2 0",
    ),
    "footprints": (
        "M4 16v-2.38C4 11.5 2.97 10.5 3 8c.03-2.72 1.49-6 4.5-6C9.37 2 10 3.8 10 5.5c0 3.11-2 5.66-2 8.68V16a2 2 0 1 1-4 0Z",
        "M20 20v-2.38c0-2.12 1.03-3.12 1-5.62-.03-2.72-1.49-6-4.5-6C14.63 6 14 7.8 14 9.5c0 3.11 2 5.66 2 8.68V20a2 2 0 1 0 4 0Z",
        "M16 17h4",
        "M4 13h4",
    ),
    "brain": (
        "M12 18V5",
        "M15 13a4.17 4.17 0 0 1-3-4 4.17 4.17 0 0 1-3 4",
        "M17.598 6.5A3 3 0 1 0 12 5a3 3 0 1 0-5.598 1.5",
        "M17.997 5.125a4 4 0 0 1 2.526 5.77",
        "M18 18a4 4 0 0 0 2-7.464",
        "M19.967 17.483A4 4 0 1 1 12 18a4 4 0 1 1-7.967-.517",
        "M6 18a4 4 0 0 1-2-7.464",
        "M6.003 5.125a4 4 0 0 0-2.526 5.77",
    ),
    "heart-pulse": (
        "M2 9.5a5.5 5.5 0 0 1 9.591-3.676.56.56 0 0 0 .818 0A5.49 5.49 0 0 1 22 9.5c0 2.29-1.5 4-3 5.5l-5.492 5.313a2 2 0 0 1-3 .019L5 15c-1.5-1.5-3-3.2-3-5.5",
        "M3.22 13H9.5l.5-1 2 4.5 2-7 1.5 3.5h5.27",
    ),
    "mouse-pointer-click": (
        "M14 4.1 12 6",
        "m5.1 8-2.9-.8",
        "m6 12-1.9 2",
        "M7.2 2.2 8 5.1",
        "M9.037 9.69a.498.498 0 0 1 .653-.653l11 4.5a.5.5 0 0 1-.074.949l-4.349 1.041a1 1 0 0 0-.74.739l-1.04 4.35a.5.5 0 0 1-.95.074z",
    ),
    "triangle-alert": (
        "m21.73 18-8-14a2 2 0 0 0-3.48 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.73-3",
        "M12 9v4",
        "M12 17h.01",
    ),
    "lightbulb": (
        "M15 14c.2-1 .7-1.7 1.5-2.5 1-.9 1.5-2.2 1.5-3.5A6 6 0 0 0 6 8c0 1 .2 2.2 1.5 3.5.7.7 1.3 1.5 1.5 2.5",
        "M9 18h6",
        "M10 22h4",
    ),
    "chart-column": (
        "M3 3v16a2 2 0 0 0 2 2h16",
        "M18 17V9",
        "M13 17V5",
        "M8 17v-3",
    ),
    "building-2": (
        "M10 12h4",
        "M10 8h4",
        "M14 21v-3a2 2 0 0 0-4 0v3",
        "M6 10H4a2 2 0 0 0-2 2v7a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V9a2 2 0 0 0-2-2h-2",
        "M6 21V5a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2v16",
    ),
    "alarm-clock": (
        "M4 13a8 8 0 1 0 16 0a8 8 0 1 0 -16 0",
        "M12 9v4l2 2",
        "M5 3 2 6",
        "m22 6-3-3",
        "M6.38 18.7 4 21",
        "M17.64 18.67 20 21",
    ),
    "circle": ("M2 12a10 10 0 1 0 20 0a10 10 0 1 0 -20 0",),
    "circle-dot": (
        "M2 12a10 10 0 1 0 20 0a10 10 0 1 0 -20 0",
        "M11 12a1 1 0 1 0 2 0a1 1 0 1 0 -2 0",
    ),
    "circle-check": (
        "M2 12a10 10 0 1 0 20 0a10 10 0 1 0 -20 0",
        "m9 12 2 2 4-4",
    ),
    "circle-x": (
        "M2 12a10 10 0 1 0 20 0a10 10 0 1 0 -20 0",
        "m15 9-6 6",
        "m9 9 6 6",
    ),
    "scale": (
        "M12 3v18",
        "m19 8 3 8a5 5 0 0 1-6 0zV7",
        "M3 7h1a17 17 0 0 0 8-2 17 17 0 0 0 8 2h1",
        "m5 8 3 8a5 5 0 0 1-6 0zV7",
        "M7 21h10",
    ),
    "shopping-cart": (
        "M7 21a1 1 0 1 0 2 0a1 1 0 1 0 -2 0",
        "M18 21a1 1 0 1 0 2 0a1 1 0 1 0 -2 0",
        "M2.05 2.05h2l2.66 12.42a2 2 0 0 0 2 1.58h9.78a2 2 0 0 0 1.95-1.57l1.65-7.43H5.12",
    ),
    "credit-card": (
        "M4 5h16a2 2 0 0 1 2 2v10a2 2 0 0 1 -2 2h-16a2 2 0 0 1 -2 -2v-10a2 2 0 0 1 2 -2z",
        "M2 10L22 10",
    ),
    "truck": (
        "M14 18V6a2 2 0 0 0-2-2H4a2 2 0 0 0-2 2v11a1 1 0 0 0 1 1h2",
        "M15 18H9",
        "M19 18h2a1 1 0 0 0 1-1v-3.65a1 1 0 0 0-.22-.624l-3.48-4.35A1 1 0 0 0 17.52 8H14",
        "M15 18a2 2 0 1 0 4 0a2 2 0 1 0 -4 0",
        "M5 18a2 2 0 1 0 4 0a2 2 0 1 0 -4 0",
    ),
    "package-open": (
        "M12 22v-9",
        "M15.17 2.21a1.67 1.67 0 0 1 1.63 0L21 4.57a1.93 1.93 0 0 1 0 3.36L8.82 14.79a1.655 1.655 0 0 1-1.64 0L3 12.43a1.93 1.93 0 0 1 0-3.36z",
        "M20 13v3.87a2.06 2.06 0 0 1-1.11 1.83l-6 3.08a1.93 1.93 0 0 1-1.78 0l-6-3.08A2.06 2.06 0 0 1 4 16.87V13",
        "M21 12.43a1.93 1.93 0 0 0 0-3.36L8.83 2.2a1.64 1.64 0 0 0-1.63 0L3 4.57a1.93 1.93 0 0 0 0 3.36l12.18 6.86a1.636 1.636 0 0 0 1.63 0z",
    ),
    "wrench": (
        "M14.7 6.3a1 1 0 0 0 0 1.4l1.6 1.6a1 1 0 0 0 1.4 0l3.106-3.105c.32-.322.863-.22.983.218a6 6 0 0 1-8.259 7.057l-7.91 7.91a1 1 0 0 1-2.999-3l7.91-7.91a6 6 0 0 1 7.057-8.259c.438.12.54.662.219.984z",
    ),
    "headset": (
        "M3 11h3a2 2 0 0 1 2 2v3a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-5Zm0 0a9 9 0 1 1 18 0m0 0v5a2 2 0 0 1-2 2h-1a2 2 0 0 1-2-2v-3a2 2 0 0 1 2-2h3Z",
        "M21 16v2a4 4 0 0 1-4 4h-5",
    ),
    "message-square-quote": (
        "M14 14a2 2 0 0 0 2-2V8h-2",
        "M22 17a2 2 0 0 1-2 2H6.828a2 2 0 0 0-1.414.586l-2.202 2.202A.71.71 0 0 1 2 21.286V5a2 2 0 0 1 2-2h16a2 2 0 0 1 2 2z",
        "M8 14a2 2 0 0 0 2-2V8H8",
    ),
    "share-2": (
        "M15 5a3 3 0 1 0 6 0a3 3 0 1 0 -6 0",
        "M3 12a3 3 0 1 0 6 0a3 3 0 1 0 -6 0",
        "M15 19a3 3 0 1 0 6 0a3 3 0 1 0 -6 0",
        "M8.59 13.51L15.42 17.49",
        "M15.41 6.51L8.59 10.49",
    ),
    "heart-handshake": (
        "M19.414 14.414C21 12.828 22 11.5 22 9.5a5.5 5.5 0 0 0-9.591-3.676.6.6 0 0 1-.818.001A5.5 5.5 0 0 0 2 9.5c0 2.3 1.5 4 3 5.5l5.535 5.362a2 2 0 0 0 2.879.052 2.12 2.12 0 0 0-.004-3 2.124 2.124 0 1 0 3-3 2.124 2.124 0 0 0 3.004 0 2 2 0 0 0 0-2.828l-1.881-1.882a2.41 2.41 0 0 0-3.409 0l-1.71 1.71a2 2 0 0 1-2.828 0 2 2 0 0 1 0-2.828l2.823-2.762",
    ),
    "undo-2": (
        "M9 14 4 9l5-5",
        "M4 9h10.5a5.5 5.5 0 0 1 5.5 5.5a5.5 5.5 0 0 1-5.5 5.5H11",
    ),
    "graduation-cap": (
        "M21.42 10.922a1 1 0 0 0-.019-1.838L12.83 5.18a2 2 0 0 0-1.66 0L2.6 9.08a1 1 0 0 0 0 1.832l8.57 3.908a2 2 0 0 0 1.66 0z",
        "M22 10v6",
        "M6 12.5V16a6 3 0 0 0 12 0v-3.5",
    ),
    "user-plus": (
        "M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2",
        "M5 7a4 4 0 1 0 8 0a4 4 0 1 0 -8 0",
        "M19 8L19 14",
        "M22 11L16 11",
    ),
    "calendar": (
        "M8 2v4",
        "M16 2v4",
        "M5 4h14a2 2 0 0 1 2 2v14a2 2 0 0 1 -2 2h-14a2 2 0 0 1 -2 -2v-14a2 2 0 0 1 2 -2z",
        "M3 10h18",
    ),
    "cloud": ("M17.5 19H9a7 7 0 1 1 6.71-9h1.79a4.5 4.5 0 1 1 0 9Z",),
    "hand": (
        "M18 11V6a2 2 0 0 0-2-2a2 2 0 0 0-2 2",
        "M14 10V4a2 2 0 0 0-2-2a2 2 0 0 0-2 2v2",
        "M10 10.5V6a2 2 0 0 0-2-2a2 2 0 0 0-2 2v8",
        "M18 8a2 2 0 1 1 4 0v6a8 8 0 0 1-8 8h-2c-2.8 0-4.5-.86-5.99-2.34l-3.6-3.6a2 2 0 0 1 2.83-2.82L7 15",
    ),
    "heart": (
        "M2 9.5a5.5 5.5 0 0 1 9.591-3.676.56.56 0 0 0 .818 0A5.49 5.49 0 0 1 22 9.5c0 2.29-1.5 4-3 5.5l-5.492 5.313a2 2 0 0 1-3 .019L5 15c-1.5-1.5-3-3.2-3-5.5",
    ),
    "frown": (
        "M2 12a10 10 0 1 0 20 0a10 10 0 1 0 -20 0",
        "M16 16s-1.5-2-4-2-4 2-4 2",
        "M9 9L9.01 9",
        "M15 9L15.01 9",
    ),
    "smile": (
        "M2 12a10 10 0 1 0 20 0a10 10 0 1 0 -20 0",
        "M8 14s1.5 2 4 2 4-2 4-2",
        "M9 9L9.01 9",
        "M15 9L15.01 9",
    ),
    "mic": (
        "M12 19v3",
        "M19 10v2a7 7 0 0 1-14 0v-2",
        "M12 2h0a3 3 0 0 1 3 3v7a3 3 0 0 1 -3 3h-0a3 3 0 0 1 -3 -3v-7a3 3 0 0 1 3 -3z",
    ),
    "clipboard-list": (
        "M9 2h6a1 1 0 0 1 1 1v2a1 1 0 0 1 -1 1h-6a1 1 0 0 1 -1 -1v-2a1 1 0 0 1 1 -1z",
        "M16 4h2a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h2",
        "M12 11h4",
        "M12 16h4",
        "M8 11h.01",
        "M8 16h.01",
    ),
    "chart-line": (
        "M3 3v16a2 2 0 0 0 2 2h16",
        "m19 9-5 5-4-4-3 3",
    ),
    "bot": (
        "M12 8V4H8",
        "M6 8h12a2 2 0 0 1 2 2v8a2 2 0 0 1 -2 2h-12a2 2 0 0 1 -2 -2v-8a2 2 0 0 1 2 -2z",
        "M2 14h2",
        "M20 14h2",
        "M15 13v2",
        "M9 13v2",
    ),
    "eye": (
        "M2.062 12.348a1 1 0 0 1 0-.696 10.75 10.75 0 0 1 19.876 0 1 1 0 0 1 0 .696 10.75 10.75 0 0 1-19.876 0",
        "M9 12a3 3 0 1 0 6 0a3 3 0 1 0 -6 0",
    ),
    "file-text": (
        "M6 22a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h8a2.4 2.4 0 0 1 1.704.706l3.588 3.588A2.4 2.4 0 0 1 20 8v12a2 2 0 0 1-2 2z",
        "M14 2v5a1 1 0 0 0 1 1h5",
        "M10 9H8",
        "M16 13H8",
        "M16 17H8",
    ),
    "user": (
        "M19 21v-2a4 4 0 0 0-4-4H9a4 4 0 0 0-4 4v2",
        "M8 7a4 4 0 1 0 8 0a4 4 0 1 0 -8 0",
    ),
    "calendar-check": (
        "M8 2v4",
        "M16 2v4",
        "M5 4h14a2 2 0 0 1 2 2v14a2 2 0 0 1 -2 2h-14a2 2 0 0 1 -2 -2v-14a2 2 0 0 1 2 -2z",
        "M3 10h18",
        "m9 16 2 2 4-4",
    ),
    "tag": (
        "M12.586 2.586A2 2 0 0 0 11.172 2H4a2 2 0 0 0-2 2v7.172a2 2 0 0 0 .586 1.414l8.704 8.704a2.426 2.426 0 0 0 3.42 0l6.58-6.58a2.426 2.426 0 0 0 0-3.42z",
        "M7 7.5a0.5 0.5 0 1 0 1 0a0.5 0.5 0 1 0 -1 0",
    ),
    "clock": (
        "M2 12a10 10 0 1 0 20 0a10 10 0 1 0 -20 0",
        "M12 6v6l4 2",
    ),
    "circle-dashed": (
        "M10.1 2.182a10 10 0 0 1 3.8 0",
        "M13.9 21.818a10 10 0 0 1-3.8 0",
        "M17.609 3.721a10 10 0 0 1 2.69 2.7",
        "M2.182 13.9a10 10 0 0 1 0-3.8",
        "M20.279 17.609a10 10 0 0 1-2.7 2.69",
        "M21.818 10.1a10 10 0 0 1 0 3.8",
        "M3.721 6.391a10 10 0 0 1 2.7-2.69",
        "M6.391 20.279a10 10 0 0 1-2.69-2.7",
    ),
    "target": (
        "M2 12a10 10 0 1 0 20 0a10 10 0 1 0 -20 0",
        "M6 12a6 6 0 1 0 12 0a6 6 0 1 0 -12 0",
        "M10 12a2 2 0 1 0 4 0a2 2 0 1 0 -4 0",
    ),
    "book-open": (
        "M12 7v14",
        "M3 18a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h5a4 4 0 0 1 4 4 4 4 0 0 1 4-4h5a1 1 0 0 1 1 1v13a1 1 0 0 1-1 1h-6a3 3 0 0 0-3 3 3 3 0 0 0-3-3z",
    ),
    "list-checks": (
        "M13 5h8",
        "M13 12h8",
        "M13 19h8",
        "m3 17 2 2 4-4",
        "m3 7 2 2 4-4",
    ),
    "flame": (
        "M12 3q1 4 4 6.5t3 5.5a1 1 0 0 1-14 0 5 5 0 0 1 1-3 1 1 0 0 0 5 0c0-2-1.5-3-1.5-5q0-2 2.5-4",
    ),
    "quote": (
        "M16 3a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2 1 1 0 0 1 1 1v1a2 2 0 0 1-2 2 1 1 0 0 0-1 1v2a1 1 0 0 0 1 1 6 6 0 0 0 6-6V5a2 2 0 0 0-2-2z",
        "M5 3a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2 1 1 0 0 1 1 1v1a2 2 0 0 1-2 2 1 1 0 0 0-1 1v2a1 1 0 0 0 1 1 6 6 0 0 0 6-6V5a2 2 0 0 0-2-2z",
    ),
    "check-check": (
        "M18 6 7 17l-5-5",
        "m22 10-7.5 7.5L13 16",
    ),
    "arrow-right": (
        "M5 12h14",
        "m12 5 7 7-7 7",
    ),
    "ticket": (
        "M2 9a3 3 0 0 1 0 6v2a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-2a3 3 0 0 1 0-6V7a2 2 0 0 0-2-2H4a2 2 0 0 0-2 2Z",
        "M13 5v2",
        "M13 17v2",
        "M13 11v2",
    ),
    "sparkles": (
        "M11.017 2.814a1 1 0 0 1 1.966 0l1.051 5.558a2 2 0 0 0 1.594 1.594l5.558 1.051a1 1 0 0 1 0 1.966l-5.558 1.051a2 2 0 0 0-1.594 1.594l-1.051 5.558a1 1 0 0 1-1.966 0l-1.051-5.558a2 2 0 0 0-1.594-1.594l-5.558-1.051a1 1 0 0 1 0-1.966l5.558-1.051a2 2 0 0 0 1.594-1.594z",
        "M20 2v4",
        "M22 4h-4",
        "M2 20a2 2 0 1 0 4 0a2 2 0 1 0 -4 0",
    ),
    "ban": (
        "M2 12a10 10 0 1 0 20 0a10 10 0 1 0 -20 0",
        "M4.929 4.929 19.07 19.071",
    ),
}


@dataclass(frozen=True)
class Icon:
    """An icon ready for a template: its name (for CSS and tests) and its path data."""

    name: str
    paths: tuple[str, ...]


def icon(shape: str) -> Icon:
    """The icon drawn from the Lucide shape ``shape`` (a KeyError names a missing shape)."""
    return Icon(shape, _LUCIDE[shape])


CHANNEL_SHAPES: dict[Channel, str] = {
    Channel.website: "globe",
    Channel.app: "smartphone",
    Channel.email: "mail",
    Channel.social: "thumbs-up",
    Channel.search: "search",
    Channel.ads: "megaphone",
    Channel.store: "store",
    Channel.phone: "phone",
    Channel.chat: "message-circle",
    Channel.reviews: "star",
    Channel.print: "newspaper",
    Channel.events: "calendar-days",
    Channel.word_of_mouth: "users",
    Channel.other: "ellipsis",
}

STAGE_SHAPES: dict[StageIcon, str] = {
    StageIcon.search: "search",
    StageIcon.compare: "scale",
    StageIcon.cart: "shopping-cart",
    StageIcon.pay: "credit-card",
    StageIcon.delivery: "truck",
    StageIcon.unbox: "package-open",
    StageIcon.install: "wrench",
    StageIcon.support: "headset",
    StageIcon.review: "message-square-quote",
    StageIcon.share: "share-2",
    StageIcon.loyalty: "heart-handshake",
    StageIcon.return_: "undo-2",
    StageIcon.learn: "graduation-cap",
    StageIcon.signup: "user-plus",
    StageIcon.calendar: "calendar",
    StageIcon.idea: "lightbulb",
    StageIcon.ad: "megaphone",
    StageIcon.store: "store",
}

SOURCE_SHAPES: dict[SourceKind, str] = {
    SourceKind.interview: "mic",
    SourceKind.survey: "clipboard-list",
    SourceKind.analytics: "chart-line",
    SourceKind.chatbot_logs: "bot",
    SourceKind.support_tickets: "ticket",
    SourceKind.observation: "eye",
    SourceKind.other: "file-text",
}

STATUS_SHAPES: dict[Status, str] = {
    Status.todo: "circle",
    Status.doing: "circle-dot",
    Status.done: "circle-check",
    Status.dropped: "circle-x",
}

# Lanes of the grid, empathy quadrants, and the other labelled parts of a page.
PART_SHAPES: dict[str, str] = {
    "actions": "footprints",
    "thoughts": "brain",
    "feeling": "heart-pulse",
    "touchpoints": "mouse-pointer-click",
    "pain_points": "triangle-alert",
    "opportunities": "lightbulb",
    "metrics": "chart-column",
    "owner": "building-2",
    "moment_of_truth": "star",
    "overdue": "alarm-clock",
    "says": "message-circle",
    "thinks": "cloud",
    "does": "hand",
    "feels": "heart",
    "pains": "frown",
    "gains": "smile",
    "goals": "target",
    "needs": "list-checks",
    "frustrations": "frown",
    "motivations": "flame",
    "quote": "quote",
    "objective": "target",
    "scenario": "book-open",
    "expectations": "list-checks",
    "person": "user",
    "reviewed": "calendar-check",
    "tags": "tag",
    "time": "clock",
    "brand": "sparkles",
    "no_brand": "circle-dashed",
    "resolved": "check-check",
    "open": "circle-dot",
    "task": "arrow-right",
    "blocked": "ban",
    "lowest": "triangle-alert",
}


def channel_icon(channel: Channel) -> Icon:
    return icon(CHANNEL_SHAPES[channel])


def stage_icon(name: StageIcon) -> Icon:
    return icon(STAGE_SHAPES[name])


def source_icon(kind: SourceKind) -> Icon:
    return icon(SOURCE_SHAPES[kind])


def status_icon(status: Status) -> Icon:
    return icon(STATUS_SHAPES[status])


def part_icon(part: str) -> Icon:
    return icon(PART_SHAPES[part])


STAGE_USES: dict[StageIcon, str] = {
    StageIcon.search: "looking for options, research",
    StageIcon.compare: "comparing products or offers, deciding",
    StageIcon.cart: "adding to cart, ordering",
    StageIcon.pay: "checkout, payment",
    StageIcon.delivery: "shipping, delivery, waiting",
    StageIcon.unbox: "receiving, unboxing, first use",
    StageIcon.install: "installation, setup",
    StageIcon.support: "getting help, contacting support",
    StageIcon.review: "writing a review, giving feedback",
    StageIcon.share: "recommending, sharing",
    StageIcon.loyalty: "repeat purchase, loyalty, renewal",
    StageIcon.return_: "returns, refunds, cancelling",
    StageIcon.learn: "learning, onboarding",
    StageIcon.signup: "sign-up, account creation",
    StageIcon.calendar: "booking, appointments, planning",
    StageIcon.idea: "need arises, inspiration",
    StageIcon.ad: "awareness, advertising",
    StageIcon.store: "visiting a shop or branch",
}


def markdown() -> str:
    """docs/icons.md: the stage icons (and the channel icons) as a reference page."""
    lines = [
        "# Icons",
        "",
        "<!-- Generated by `python -m cjmap.render.icons > docs/icons.md`; a test fails when stale. -->",
        "",
        "A stage's optional `icon` heads its column in the current-state and future-state maps.",
        "It must be one of these names. The icons are inline SVG drawn from",
        "[Lucide](https://lucide.dev) shapes (ISC licence); cjmap uses no icon font and no",
        "external file.",
        "",
        "## Stage icons",
        "",
        "| `icon:` value | Shape | Use it for |",
        "| --- | --- | --- |",
    ]
    for value in StageIcon:
        lines.append(f"| `{value.value}` | {STAGE_SHAPES[value]} | {STAGE_USES[value]} |")
    lines += [
        "",
        "## Channel icons",
        "",
        "Every touchpoint gets the icon of its `channel`; the map's legend names the channels used.",
        "",
        "| `channel:` value | Shape |",
        "| --- | --- |",
    ]
    for channel in Channel:
        lines.append(f"| `{channel.value}` | {CHANNEL_SHAPES[channel]} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
