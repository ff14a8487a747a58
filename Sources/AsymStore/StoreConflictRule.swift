/// What writing a row whose key already exists does.
public enum StoreConflictRule: Sendable, Hashable {
    /// Keep the stored row: rows keyed by journal sequence are immutable, so re-ingesting adds nothing.
    case ignore
    /// Update the stored row. `assignments` and `condition` are SQL shared by SQLite and PostgreSQL, written
    /// against `excluded` (the row being written) and the table's own name (the stored row).
    case update(assignments: String, condition: String?)
}
