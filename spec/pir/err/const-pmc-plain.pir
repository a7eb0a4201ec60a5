# .const pmc has no value a constant can give (IMCC: "wrong .const value").
.sub main :main
    .const pmc a = "b"
.end
