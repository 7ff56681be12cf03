#!/bin/sh
# A learning-rate sweep: the built-in lesson trained at five step sizes η, each rendered into its
# own folder, to show what η does — too small and the lines barely move, too large and the error
# jumps about instead of coming down the mountain.
#
#   Samples/learning-rate-sweep.sh                 # writes Output/sweep/lr-<η>/
#   Samples/learning-rate-sweep.sh --size 640x360  # extra flags go to every `errorest run`
#
# ERROREST names the command to run (default: `swift run -c release errorest`, from the package
# folder); SWEEP_OUT the folder for the results (default: Output/sweep).
set -eu

errorest=${ERROREST:-swift run -c release errorest}
out=${SWEEP_OUT:-Output/sweep}

for rate in 0.05 0.5 2 8 50; do
    # Word splitting of $errorest is intended: it may be a command with arguments.
    # shellcheck disable=SC2086
    $errorest run --learning-rate "$rate" --name "lesson-lr-$rate" --snapshots "linear 5" \
        --out "$out/lr-$rate" "$@"
done

echo "Frames of each rate are in $out/lr-*/frames/; compare the last ones side by side."
