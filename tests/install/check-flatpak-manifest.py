#!/usr/bin/python3
"""Check the Flatpak manifest: valid JSON, the app id of the desktop file,
a GNOME runtime of version 43 or later, the tsunagu command, and
libxlsxwriter built as a module before Tsunagu itself.

check-flatpak-manifest.py MANIFEST DESKTOP_FILE_IN
"""
import json
import os
import sys


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def main(manifest_path, desktop_in):
    try:
        with open(manifest_path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        fail(f"{manifest_path}: {e}")
    if not isinstance(manifest, dict):
        fail("the manifest is not a JSON object")

    # The desktop id is the desktop file's name without .desktop(.in).
    desktop_id = os.path.basename(desktop_in).split(".desktop")[0]
    app_id = manifest.get("app-id", manifest.get("id"))
    if app_id != desktop_id:
        fail(f"app-id {app_id!r} is not the desktop id {desktop_id!r}")
    if os.path.basename(manifest_path) != f"{app_id}.json":
        fail(f"the manifest is not named {app_id}.json")

    if manifest.get("runtime") != "org.gnome.Platform":
        fail(f"runtime {manifest.get('runtime')!r} is not org.gnome.Platform")
    if manifest.get("sdk") != "org.gnome.Sdk":
        fail(f"sdk {manifest.get('sdk')!r} is not org.gnome.Sdk")
    version = str(manifest.get("runtime-version", ""))
    try:
        major = int(version.split(".")[0])
    except ValueError:
        fail(f"runtime-version {version!r} is not a GNOME version number")
    if major < 43:
        fail(f"runtime-version {version} is older than GNOME 43 (GTK 4.8, libadwaita 1.2)")

    if manifest.get("command") != "tsunagu":
        fail(f"command {manifest.get('command')!r} is not tsunagu")

    args = manifest.get("finish-args", [])
    for needed in ("--socket=wayland", "--socket=fallback-x11", "--share=ipc"):
        if needed not in args:
            fail(f"finish-args lack {needed}")
    if "--share=network" in args:
        fail("finish-args give network access, which Tsunagu never needs")
    if "--filesystem=host" in args:
        fail("finish-args open the whole host file system")

    modules = manifest.get("modules", [])
    names = [m.get("name") if isinstance(m, dict) else None for m in modules]
    if "libxlsxwriter" not in names:
        fail("no libxlsxwriter module")
    if "tsunagu" not in names:
        fail("no tsunagu module")
    if names.index("libxlsxwriter") > names.index("tsunagu"):
        fail("libxlsxwriter is built after tsunagu, which needs it")
    if names[-1] != "tsunagu":
        fail("tsunagu is not the last module")

    xlsx = modules[names.index("libxlsxwriter")]
    if xlsx.get("buildsystem") not in ("cmake", "cmake-ninja", "simple", None):
        fail(f"libxlsxwriter's buildsystem {xlsx.get('buildsystem')!r} is neither cmake nor make")
    sources = xlsx.get("sources", [])
    if not sources:
        fail("libxlsxwriter has no source")
    for source in sources:
        pinned = (source.get("tag") or source.get("commit")) if source.get("type") == "git" \
            else source.get("sha256")
        if not pinned:
            fail(f"libxlsxwriter's source {source} is pinned by no tag, commit or sha256")
        if "1.1.4" not in json.dumps(source):
            fail("libxlsxwriter is not release 1.1.4, the version the program targets")

    app = modules[names.index("tsunagu")]
    if app.get("buildsystem") != "meson":
        fail("the tsunagu module is not built with meson")
    app_sources = app.get("sources", [])
    if not any(s.get("type") == "dir" for s in app_sources):
        fail("the tsunagu module is not built from this folder (a dir source)")
    for s in app_sources:
        if s.get("type") == "dir":
            path = os.path.normpath(os.path.join(os.path.dirname(manifest_path), s["path"]))
            if not os.path.isfile(os.path.join(path, "meson.build")):
                fail(f"the dir source {s['path']} is not the source tree")

    print(f"ok: {app_id} on {manifest['runtime']} {version}, modules {', '.join(names)}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        fail("usage: check-flatpak-manifest.py MANIFEST DESKTOP_FILE_IN")
    main(sys.argv[1], sys.argv[2])
