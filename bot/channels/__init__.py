"""Custom Rasa input/output channels: the website widget (socket.io) and Telegram."""
