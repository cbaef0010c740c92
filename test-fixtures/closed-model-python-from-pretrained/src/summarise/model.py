import os
from transformers import AutoModelForCausalLM, AutoTokenizer, pipeline

# "gpt2" in a comment is not a reference: from_pretrained("gpt2")
MODEL_ID = os.getenv("MODEL_ID", "mistralai/Mistral-Large-Instruct-2407")


def load(name: str = MODEL_ID):
    tokenizer = AutoTokenizer.from_pretrained(name)
    model = AutoModelForCausalLM.from_pretrained(name)
    return tokenizer, model


classifier = pipeline("text-classification", model="distilbert/distilbert-base-uncased-finetuned-sst-2-english")
