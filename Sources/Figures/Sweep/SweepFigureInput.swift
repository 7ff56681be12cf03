import Backprop

/// One cell of a sweep's grid figure: a run at one of its snapshots, or why there is none.
public struct SweepGridCell: Sendable {
    /// The run, or `nil` when it has nothing to draw (its training diverged).
    public var run: TrainingRun?
    /// The index into `run.snapshots` of the snapshot shown.
    public var snapshot: Int
    /// Said in the cell instead of a picture, such as "diverged at epoch 12".
    public var note: String?

    public init(run: TrainingRun?, snapshot: Int, note: String? = nil) {
        self.run = run
        self.snapshot = snapshot
        self.note = note
    }
}

/// A table of runs whose rows and columns are two swept keys: each run's output panel at the
/// same epoch, with its error curve under it on a scale shared by every cell.
public struct SweepGrid: Sendable {
    /// The figure's title, such as "lesson-sweep: the output at epoch 2000".
    public var title: String
    /// What the columns and rows vary, such as "lr" or "training.seed".
    public var columnKey: String
    public var rowKey: String
    /// The values as labels, in order.
    public var columns: [String]
    public var rows: [String]
    /// `cells[row][column]`.
    public var cells: [[SweepGridCell]]

    public init(
        title: String, columnKey: String, rowKey: String, columns: [String], rows: [String],
        cells: [[SweepGridCell]]
    ) {
        self.title = title
        self.columnKey = columnKey
        self.rowKey = rowKey
        self.columns = columns
        self.rows = rows
        self.cells = cells
    }
}

/// One run's error curve in a sweep's `errors` figure.
public struct SweepCurve: Sendable {
    /// The run's name.
    public var label: String
    /// Which group (a value of the colouring key) it belongs to, from 0: its colour.
    public var group: Int
    /// The error of every epoch.
    public var errors: [Double]

    public init(label: String, group: Int, errors: [Double]) {
        self.label = label
        self.group = group
        self.errors = errors
    }
}

/// Every run's error curve on one axis, coloured by the values of one key.
public struct SweepErrors: Sendable {
    public var title: String
    /// The key that colours the curves, and its values as labels.
    public var groupKey: String
    public var groups: [String]
    public var curves: [SweepCurve]
    /// Runs left out because they have no curve (their training diverged).
    public var missing: Int

    public init(
        title: String, groupKey: String, groups: [String], curves: [SweepCurve], missing: Int
    ) {
        self.title = title
        self.groupKey = groupKey
        self.groups = groups
        self.curves = curves
        self.missing = missing
    }
}
