"""What a request reads once (request_memo), and what a whole static export reads once (lasting_memo)."""

from millelieux.core.routing import lasting_memo, memoised, request_memo


def counter():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    return calls, compute


def test_a_request_memo_reads_once_per_request_and_nothing_outside_one():
    calls, compute = counter()
    assert memoised("k", compute) == 1 and memoised("k", compute) == 2  # no memo: read each time
    for _request in range(2):
        with request_memo():
            memoised("k", compute)
            memoised("k", compute)
    assert len(calls) == 4


def test_a_lasting_memo_reads_once_for_all_the_requests_it_spans_what_is_marked_lasting():
    lasting_calls, lasting = counter()
    per_request_calls, per_request = counter()
    with lasting_memo():
        for _request in range(3):
            with request_memo():
                assert memoised("lasting", lasting, lasting=True) == 1
                memoised("per-request", per_request)
                memoised("per-request", per_request)
    assert len(lasting_calls) == 1
    assert len(per_request_calls) == 3
    with request_memo():  # once the export is over, each request reads again
        memoised("lasting", lasting, lasting=True)
    assert len(lasting_calls) == 2
