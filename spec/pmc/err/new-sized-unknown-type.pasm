# new P, 'Type', I of an unknown type throws "Class 'NAME' not found".
    new P0, 'NoSuchType', 3
    end
