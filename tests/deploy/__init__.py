"""Tests of the deployment artefacts in deploy/: the image, compose, systemd and the proxy."""
