"""The database shared by sessions and upload jobs, so one transaction can span both.

SQLite by default (`RECORDINGS_PATH/.streamai/streamai.sqlite3`, one server); PostgreSQL when
`STREAMAI_DATABASE_URL` is set (several upload workers on several hosts). Both are reached through
SQLAlchemy Core with the same SQL (`database.py`), and carry the same versioned schema
(`migrations.py`).
"""

from .database import Connection, Database, DatabaseUnavailable, IntegrityError, Row, is_database_url, redact
from .location import DATABASE_FOLDER, DATABASE_NAME, default_location
from .migrations import MIGRATIONS, POSTGRES_MIGRATIONS, SCHEMA_VERSION
