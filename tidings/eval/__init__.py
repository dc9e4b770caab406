"""``tidings eval``: scores on real labelled data, with pinned floors.

Each module in this package that defines ``DATASET`` (a ``Dataset``) is a
data set ``tidings eval NAME`` can run. Data is read from ``../shared/eval``
(or ``$TIDINGS_EVAL_DATA``) at evaluation time; none is copied here.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional


def data_root() -> Path:
    env = os.environ.get("TIDINGS_EVAL_DATA")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in [Path.cwd(), *here.parents]:
        candidate = parent.parent / "shared" / "eval"
        if candidate.is_dir():
            return candidate
    return Path.cwd().parent / "shared" / "eval"


@dataclass
class Result:
    """Figures from one run: ``metrics`` are named numbers; ``table`` is for printing."""

    dataset: str
    metrics: dict[str, float]
    table: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    n: int = 0


@dataclass
class Dataset:
    name: str
    description: str
    path: str  # relative to the eval data root
    run: Callable[..., Result]  # run(root: Path, limit: Optional[int]) -> Result
    floors: dict[str, float] = field(default_factory=dict)
    # Shown in docs/evaluation.md next to the figures.
    reference: str = ""


def registry() -> dict[str, Dataset]:
    found = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for ds in getattr(module, "DATASETS", ()) or ([module.DATASET] if hasattr(module, "DATASET") else []):
            found[ds.name] = ds
    return dict(sorted(found.items()))


def below_floor(dataset: Dataset, result: Result) -> list[str]:
    """The figures that fell below their pinned floors."""
    return [
        f"{name} = {result.metrics.get(name, float('nan')):.4f} < floor {floor:.4f}"
        for name, floor in dataset.floors.items()
        if not (result.metrics.get(name, float("-inf")) >= floor)
    ]


def evaluate(name: str, limit: Optional[int] = None, root: Optional[Path] = None) -> Result:
    from tidings.errors import TidingsError

    datasets = registry()
    if name not in datasets:
        raise TidingsError("E014", name, choices=", ".join(datasets))
    ds = datasets[name]
    root = root or data_root()
    if not (root / ds.path).exists():
        raise TidingsError("E015", name, path=str(root / ds.path))
    return ds.run(root / ds.path, limit)
