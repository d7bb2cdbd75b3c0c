import pytest

from contoffice.core.progress import Cancelled, NullProgress, Progress, check_cancelled


class Recorder:
    def __init__(self, cancel_after: int) -> None:
        self.calls: list[tuple[int, int, str]] = []
        self.cancel_after = cancel_after

    def step(self, done: int, total: int, label: str = "") -> None:
        self.calls.append((done, total, label))

    def cancelled(self) -> bool:
        return len(self.calls) >= self.cancel_after


def test_null_progress_is_a_progress_and_never_cancels() -> None:
    p = NullProgress()
    assert isinstance(p, Progress)
    p.step(1, 2, "x")
    assert p.cancelled() is False
    check_cancelled(p)


def test_worker_stops_with_cancelled() -> None:
    rec = Recorder(cancel_after=3)
    assert isinstance(rec, Progress)
    with pytest.raises(Cancelled):
        for i in range(10):
            check_cancelled(rec)
            rec.step(i + 1, 10, f"item {i}")
    assert rec.calls[-1] == (3, 10, "item 2")
