"""Numbers the API reads from a query or a path, bounded as the database stores them: a larger number answers 422
instead of overflowing the query (a 500 on SQLite, « Python int too large to convert to SQLite INTEGER »)."""

from typing import Annotated

from pydantic import Field

# A row id (a 64-bit integer in the database).
RowId = Annotated[int, Field(ge=1, le=2**63 - 1)]
# A year as people write it in a filter (year of vote, of a memory).
Year = Annotated[int, Field(ge=1, le=9999)]
# One of the 17 sustainable development goals.
SdgNumber = Annotated[int, Field(ge=1, le=17)]
