"""Stage 3: dated events, actors and the merged timeline. stage.py is what notebook 03 calls;
events.py finds dated phrases, ner/gazetteer/actor_spans/actors name who, merge.py merges."""
