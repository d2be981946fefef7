#!/usr/bin/env python3
# The Flatpak manifest: valid JSON, the GNOME runtime and SDK, and no
# network for an app that must work offline. usage: check-manifest.py FILE
import json
import sys

manifest = json.load(open(sys.argv[1]))
problems = []
if manifest.get("runtime") != "org.gnome.Platform":
    problems.append("runtime is not org.gnome.Platform")
if manifest.get("sdk") != "org.gnome.Sdk":
    problems.append("sdk is not org.gnome.Sdk")
if "--share=network" in manifest.get("finish-args", []):
    problems.append("finish-args grant the network")
if manifest.get("modules", [{}])[-1].get("name") != "threshold":
    problems.append("the last module does not build threshold")
for problem in problems:
    print(f"{sys.argv[1]}: {problem}")
sys.exit(1 if problems else 0)
