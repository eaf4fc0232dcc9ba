#!/usr/bin/env bash
# Generates the coalition man page (swift-argument-parser's GenerateManual plugin, from the same
# help text as --help) and shell completion scripts for bash, zsh and fish, into out/cli/ (or the
# directory given), and checks that each names every subcommand.
#
# Install them, for example:
#   sudo install -m 644 out/cli/coalition.1 /usr/local/share/man/man1/
#   install -m 644 out/cli/coalition.bash ~/.local/share/bash-completion/completions/coalition
#   install -m 644 out/cli/_coalition ~/.zfunc/                 # with fpath+=(~/.zfunc) in ~/.zshrc
#   install -m 644 out/cli/coalition.fish ~/.config/fish/completions/
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-libraries.sh
out=${1:-out/cli}
mkdir -p "$out"
swift build --product coalition > /dev/null
bin=$(swift build --show-bin-path)/coalition
"$bin" --generate-completion-script bash > "$out/coalition.bash"
"$bin" --generate-completion-script zsh > "$out/_coalition"
"$bin" --generate-completion-script fish > "$out/coalition.fish"
swift package generate-manual > /dev/null
cp .build/plugins/GenerateManual/outputs/coalition/coalition.1 "$out/coalition.1"
for command in render dot validate report metrics alignment import export timeline format; do
  for file in coalition.1 coalition.bash _coalition coalition.fish; do
    grep -q "$command" "$out/$file" || { echo "cli-extras: $file does not mention $command" >&2; exit 1; }
  done
done
echo "cli-extras: man page and bash, zsh and fish completions in $out"
