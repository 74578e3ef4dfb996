"""The school places capability's tables (handlers/schools/): the council's schools, parents'
applications, and the allocation runs with their offers, waiting lists and the one release."""
