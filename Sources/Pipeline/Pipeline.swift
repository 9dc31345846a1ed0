/// Pipeline — wires the one-direction pipeline together for the commands and for batch:
/// files → readers → recognition → reconciliation → forms → writers.
///
/// The only library module that knows every layer; each function here is a few calls into them, so the
/// `budgeteval` commands stay thin and batch reuses exactly what the single-department commands do.
