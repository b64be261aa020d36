import F1Kit
