# morph to a class that does not exist.
    new P0, "Integer"
    new P1, "String"
    set P1, "NoSuchClass"
    morph P0, P1
    end
