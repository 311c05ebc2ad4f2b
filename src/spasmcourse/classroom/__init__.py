"""The teacher's view of a class: students' hand-ins read, analysed and reported on one page."""
