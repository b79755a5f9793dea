"""Command line: ``nn-playground`` opens the app; ``bench curve`` measures it; ``selfcheck`` checks the installation;
``--install-desktop-entry`` / ``--uninstall-desktop-entry`` add or remove the Linux menu entry and file association."""

from __future__ import annotations

import argparse
import os
import sys

# Before numpy loads: its BLAS (OpenBLAS) starts a thread per core. The app's matrices are small (a drawn
# digit's 280×280 resize, heatmaps), one thread computes them as fast, and waking BLAS threads that have
# gone to sleep delayed the MNIST canvas by 10–20 ms now and then (bench mnist's p99). A user's own
# setting is kept.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def _parser() -> argparse.ArgumentParser:
    from playground.bench.suites import SUITES

    parser = argparse.ArgumentParser(prog="nn-playground", description="NN Playground: learn neural networks by playing with them.")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--open", metavar="SESSION", help="open a saved session (.nnplay) once the window is up")
    parser.add_argument("--install-desktop-entry", action="store_true",
                        help="Linux: add NN Playground to the applications menu and open .nnplay files with it")
    parser.add_argument("--uninstall-desktop-entry", action="store_true",
                        help="Linux: remove exactly what --install-desktop-entry wrote")
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command")
    bench = sub.add_parser("bench", help="measure performance and print JSON")
    bench.add_argument("suite", nargs="?", default="curve", help="what to measure: " + ", ".join(SUITES))
    bench.add_argument("--seconds", type=float, default=8.0, help="seconds of timed training (split into alternating rounds)")
    sub.add_parser("selfcheck", help="check the bundled data, models, translations and a Chinese font; "
                                     "exit 1 on a problem")
    soak = sub.add_parser("soak", help="train the Curve lab with live plots for a while and print its memory growth as JSON")
    soak.add_argument("--minutes", type=float, default=60.0, help="how long to train (default 60)")
    soak.add_argument("--warmup-minutes", type=float, default=None,
                      help="minutes before memory is first measured (default: 2, or a quarter of a short soak)")
    soak.add_argument("--trace", action="store_true", help="also list the kinds of Python objects that grew in number")
    fit = sub.add_parser("fit", help="train a Curve-lab preset without the GUI and print the result as JSON")
    fit.add_argument("--preset", default="notes_x2")
    fit.add_argument("--steps", type=int, default=None)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0].lower().endswith(".nnplay"):  # ``nn-playground lesson.nnplay`` (e.g. a double-clicked file)
        argv = ["--open", *argv]
    args = _parser().parse_args(argv)
    if args.version:
        from playground import __version__

        print(__version__)
        return 0
    if args.install_desktop_entry or args.uninstall_desktop_entry:
        from playground.core.desktop.entry import cli_install, cli_uninstall

        return cli_install() if args.install_desktop_entry else cli_uninstall()
    if args.command == "selfcheck":
        from playground.selfcheck import run_selfcheck

        return run_selfcheck()
    if args.command == "bench":
        from playground.bench.suites import run_bench

        return run_bench(args.suite, seconds=args.seconds)
    if args.command == "soak":
        from playground.bench.suites import run_soak

        return run_soak(args.minutes, args.warmup_minutes, args.trace)
    if args.command == "fit":
        from playground.core.cli import fit_preset

        return fit_preset(args.preset, args.steps)
    from playground.app import run_gui

    if args.startup_probe:
        from playground.bench.startup import install_probe

        return run_gui(on_window=install_probe)
    return run_gui(session=args.open)


if __name__ == "__main__":
    sys.exit(main())
