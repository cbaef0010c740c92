#!/bin/sh
echo "dotfile-sync: nothing to link"
