"""Page numbers the API accepts."""

from ninja import Field, Schema
from ninja.pagination import PageNumberPagination

MAX_PAGE = 100_000  # far beyond any real list, far below what a database offset can hold
MAX_PAGE_SIZE = 100


class BoundedPages(PageNumberPagination):
    """Numbered pages whose number and size are bounded: an absurd number answers 422 with a message instead of
    overflowing the database's offset (a 500 before)."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1, le=MAX_PAGE_SIZE)

    def __init__(self, *, page_size: int, max_page_size: int = MAX_PAGE_SIZE) -> None:
        super().__init__(page_size=page_size, max_page_size=max_page_size)
